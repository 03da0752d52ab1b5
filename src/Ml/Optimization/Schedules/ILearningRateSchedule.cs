namespace Anneal.Ml.Optimization.Schedules;

/// <summary>A learning rate per step, steps counted from 0 as the study does.</summary>
public interface ILearningRateSchedule
{
    double At(int step);
}
