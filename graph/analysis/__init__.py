"""Styrgraf's analysis layer: a networkx projection of the RDF graph and the algorithms on it.

- `projection`: the projection, built with a few bulk SPARQL SELECTs, cached per store state;
- `similarity`: Swedish-aware normalisation, title term sets, TF-IDF cosine;
- `resolution`: entity resolution (people, organisations, works), stored in one named graph;
  `person_resolution` weighs people by name, titles, bodies, parties and years;
- `assignments`: subprojects' assignment text as units and vectors;
- `overlaps`: pairs of subprojects that should coordinate, with scored reasons and evidence;
- `dependencies`: what subprojects must take into account (transitively), cycles, decision lineage;
- `checks`: consistency findings; `matrices`: coverage and people matrices.
"""
from styrgraf.graph.analysis.checks import run_checks
from styrgraf.graph.analysis.dependencies import depended_by, depends_on, find_cycles, lineage
from styrgraf.graph.analysis.matrices import coverage_csv, coverage_matrix, people_csv, people_matrix
from styrgraf.graph.analysis.overlaps import compute_overlaps
from styrgraf.graph.analysis.projection import AnalysisError, build_projection, clear_cache, load_projection
from styrgraf.graph.analysis.resolution import links_for, load_resolution, resolution_graph_iri, store_resolution

__all__ = [
    "AnalysisError", "build_projection", "clear_cache", "load_projection", "load_resolution", "store_resolution",
    "links_for", "resolution_graph_iri", "compute_overlaps", "run_checks", "depends_on", "depended_by",
    "find_cycles", "lineage", "coverage_matrix", "people_matrix", "coverage_csv", "people_csv",
]
