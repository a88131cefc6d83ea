#!/usr/bin/env bash
# Extract the UN-based map shapes that plotly.js draws geo maps with, so the app serves
# them itself instead of letting plotly.js fetch them from its CDN (the app must work
# offline). Source: the npm package plotly.js (MIT licence), dist/plotly-geo-assets.js.
# Usage: scripts/extract_topojson.sh [PLOTLY_JS_VERSION]   (needs node and npm)
set -euo pipefail
version="${1:-4.1.1}"
out="$(cd "$(dirname "$0")/.." && pwd)/static/topojson"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$work"
npm pack --silent "plotly.js@${version}" >/dev/null
tar xzf "plotly.js-${version}.tgz" package/dist/plotly-geo-assets.js package/LICENSE
mkdir -p "$out"
OUT="$out" node -e '
  global.window = {};
  const assets = require("./package/dist/plotly-geo-assets.js");
  const fs = require("fs");
  for (const [name, shape] of Object.entries(assets.topojson)) {
    if (!name.endsWith("_110m")) continue;   // the 1:110m scale is what plotly draws by default
    fs.writeFileSync(`${process.env.OUT}/${name}.json`, JSON.stringify(shape));
  }
  console.log(`plotly.js ${assets.version}: wrote ${process.env.OUT}`);
'
cp package/LICENSE "$out/LICENSE.plotly.js.txt"
cat > "$out/SOURCE.md" <<MD
# Map shapes

Extracted by \`scripts/extract_topojson.sh\` from the npm package \`plotly.js@${version}\`
(\`dist/plotly-geo-assets.js\`, MIT licence, copy in \`LICENSE.plotly.js.txt\`). These are
the UN-based 1:110m topojson files plotly.js otherwise fetches from its CDN
(\`topojsonURL\`). The app passes \`config={"topojsonURL": "/app/static/topojson/"}\` so maps
draw with no internet. Boundaries and names follow the United Nations' maps as shipped by
Plotly; they imply no position on disputed territory.
MD
