"""The ``Assistant``: wires settings, model, store and embedder; routes a question to its report;
runs the one tool-calling loop; turns the final draft into a verified, number-guarded ``Answer``."""
