# Big Tech Investment Tracker: the dashboard in one container.
# Build: docker build -t big-tech-investment-tracker .
#        docker build --build-arg WITH_CHROMIUM=0 …   (smaller; no PNG/SVG downloads)
# Run:   docker run -p 8501:8501 -e STREAMLIT_SERVER_COOKIE_SECRET=… big-tech-investment-tracker
# Tested by `make image-test` (docs/DEPLOY.md).
FROM python:3.11-slim-bookworm

# Chromium renders the PNG/SVG downloads (kaleido); without it the app still serves every
# page, chart, embed, HTML and CSV download, and those two buttons are disabled.
ARG WITH_CHROMIUM=1
RUN apt-get update \
    && apt-get install -y --no-install-recommends curl \
       $([ "$WITH_CHROMIUM" = 1 ] && echo chromium) \
    && rm -rf /var/lib/apt/lists/*

RUN useradd --create-home --uid 10001 tracker
WORKDIR /app
# The package carries data/ and static/topojson as package data, so they go in with src/.
# Files stay owned by root: the app reads them and cannot change them.
COPY pyproject.toml README.md LICENSE ./
COPY src ./src
COPY data ./data
COPY static ./static
RUN pip install --no-cache-dir . && rm -rf build src/*.egg-info
COPY app.py serve.py ./
COPY pages ./pages
COPY .streamlit ./.streamlit

USER tracker
ENV STREAMLIT_SERVER_PORT=8501 \
    STREAMLIT_SERVER_ADDRESS=0.0.0.0 \
    PYTHONDONTWRITEBYTECODE=1
EXPOSE 8501
HEALTHCHECK --interval=15s --timeout=3s --start-period=20s --retries=3 \
    CMD curl --fail --silent "http://127.0.0.1:${STREAMLIT_SERVER_PORT}/_stcore/health" || exit 1
CMD ["streamlit", "run", "serve.py"]
