"""The ``assistant`` command line: one module per command under ``assistant.cli.commands``."""
