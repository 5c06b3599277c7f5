"""A report file in, a typed ``Report`` out: loaders per file type, sections and page furniture,
fact extractors (key-value pairs, bullets, prose, lists, FAQ, identity), and the consistency check.

``assistant.parsing.parse.parse_report`` is the entry point; publisher vocabulary (headings, keys,
furniture) is data. The package imports none of its modules itself, so a module that needs one
helper (chunking needs ``sections.is_navigation``) does not load the whole parser: a question loads
no parser at all."""
