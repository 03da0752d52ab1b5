using Anneal.Grains.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Anneal.Grains.Hosting;

public static class GrainServiceCollectionExtensions
{
    /// <summary>
    /// Registers what Anneal's grains need: validated <see cref="AnnealGrainOptions"/> (section "Anneal:Grains"),
    /// <see cref="AnnealInstruments"/> and a clock. The grain storage named <see cref="AnnealStorage.Name"/> is the host's to add.
    /// </summary>
    public static IServiceCollection AddAnnealGrains(this IServiceCollection services, Action<AnnealGrainOptions>? configure = null)
    {
        var options = services.AddOptions<AnnealGrainOptions>().BindConfiguration(AnnealGrainOptions.Section);
        if (configure is not null) options.Configure(configure);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AnnealGrainOptions>, AnnealGrainOptionsValidator>());
        options.ValidateOnStart();
        services.AddMetrics();
        services.TryAddSingleton<AnnealInstruments>();
        services.TryAddSingleton(TimeProvider.System);
        return services;
    }
}
