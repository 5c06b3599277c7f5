"""Answer scripts, one module per family of question kinds."""
