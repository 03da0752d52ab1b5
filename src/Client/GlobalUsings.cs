global using RunStatus = Anneal.Contracts.Runs.RunStatus;
