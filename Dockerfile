# Big Tech Investment Tracker: the dashboard in one container.
# Build: docker build -t big-tech-investment-tracker .
# Run:   docker run -p 8501:8501 -e STREAMLIT_SERVER_COOKIE_SECRET=… big-tech-investment-tracker
FROM python:3.11-slim-bookworm

# Chromium renders the PNG/SVG downloads (kaleido); the app works without it.
RUN apt-get update \
    && apt-get install -y --no-install-recommends chromium curl \
    && rm -rf /var/lib/apt/lists/*

RUN useradd --create-home --uid 10001 tracker
WORKDIR /app
COPY --chown=tracker:tracker pyproject.toml README.md ./
COPY --chown=tracker:tracker src ./src
RUN pip install --no-cache-dir .
COPY --chown=tracker:tracker app.py ./
COPY --chown=tracker:tracker pages ./pages
COPY --chown=tracker:tracker data ./data
COPY --chown=tracker:tracker static ./static
COPY --chown=tracker:tracker .streamlit ./.streamlit

USER tracker
EXPOSE 8501
HEALTHCHECK --interval=15s --timeout=3s --start-period=20s --retries=3 \
    CMD curl --fail --silent http://127.0.0.1:8501/_stcore/health || exit 1
CMD ["streamlit", "run", "app.py", "--server.port=8501", "--server.address=0.0.0.0"]
