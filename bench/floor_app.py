"""The framework's floor: one small plotly chart in a one-file Streamlit app.

The figure is built once per process, as the app's pages build each view once for every
reader: what remains per page view is what Streamlit costs to send one chart.
"""

import plotly.express as px
import streamlit as st


@st.cache_resource
def figure():
    return px.bar(x=["a", "b", "c"], y=[1, 3, 2])


st.title("Floor")
st.plotly_chart(figure())
