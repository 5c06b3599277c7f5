"""The parser's version, apart from the parser: the store's records carry it, and reading them
should not load the parser."""

# Bump when what the parser extracts changes (facts, spans, sections): ingest then re-parses and
# re-stores reports whose text has not changed, so stored fact sheets never lag the parser.
PARSER_VERSION = 105
