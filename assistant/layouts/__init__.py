"""Extractors behind ``assistant.parsing``: lines, sections, key-value pairs, prose, lists, FAQ."""
