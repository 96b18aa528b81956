package oomlab.result;

import oomlab.container.LoadOutcome;
import oomlab.output.LoadReport;

/**
 * The load on a service, composed from the stages that saw it: how the container stage ran it (network, routes,
 * readiness) and what the generator measured (rate, errors, latency; null when it never reported).
 */
public record LoadResult(LoadOutcome run, LoadReport measured) {
}
