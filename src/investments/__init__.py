"""Pure data logic for Big Tech Investment Tracker: schema, validation, loading, export.

Never imports streamlit: everything here runs in tests, the CLI and notebooks alike.
"""
