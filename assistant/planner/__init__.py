"""The offline planner: a deterministic LangChain chat model that reads a question (intent
registry, slots, follow-ups, scope), plans tool calls and writes the answer only from their
typed results."""
