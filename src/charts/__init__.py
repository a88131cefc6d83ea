"""Charts as journalists take them: each view's figure, words and data, and its forms
outside the app (PNG, SVG, self-contained HTML, embeds, a published static folder).

Never imports streamlit: the app, the CLI and the tests build the same views.
"""
