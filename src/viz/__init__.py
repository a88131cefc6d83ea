"""Figures: each a function from a DataFrame to a plotly Figure. Never imports streamlit."""
