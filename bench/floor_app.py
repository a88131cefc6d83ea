"""The framework's floor: one small plotly chart in a one-file Streamlit app."""

import plotly.express as px
import streamlit as st

st.title("Floor")
st.plotly_chart(px.bar(x=["a", "b", "c"], y=[1, 3, 2]))
