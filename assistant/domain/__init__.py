"""The assistant's vocabulary as typed data: a parsed ``Report`` with its ``FactSheet`` and source
``Span``s, and the ``Answer`` every surface renders. No behaviour beyond small views of the data."""
