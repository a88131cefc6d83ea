"""Streamlit glue shared by the pages: cached data loading, banners, credit lines.

The only package besides pages/ and app.py that imports streamlit; the logic it calls
lives in `investments` and `viz`.
"""
