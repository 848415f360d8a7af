#!/usr/bin/env bash
# The HTML report in a real browser (Debian's chromium, headless) at a
# phone's width (390 px) and a laptop's (1280 px), internal and public: the
# page never scrolls sideways, no table, cell, chart or paragraph reaches
# past the screen, no cell's value is cut off, and a chart's text stays
# 10.5 px or larger. The measure is a small script added to a copy of the
# report (the report itself has none), shown in a frame of each width (a
# headless window is at least 500 px wide, a frame any width); it posts what
# it finds to the page around the frame, read back with --dump-dom.
. "$(dirname "$0")/lib.sh" "$1"
pthv=$bin

if ! command -v chromium >/dev/null; then
    echo "FAIL chromium is not installed (make test installs it)"
    exit 1
fi

repo=$tmp/repo
cp -r "$src/examples" "$repo"
"$pthv" -C "$repo" --as-of 2026-05-15 report --period end-of-year --format html -o "$tmp/internal.html"
"$pthv" -C "$repo" --as-of 2026-05-15 report --period end-of-year --public --format html -o "$tmp/public.html"

measure='<script>
(function () {
  const W = window.innerWidth, bad = [];
  const root = document.documentElement;
  if (root.scrollWidth > W) bad.push("page " + root.scrollWidth + " wide");
  for (const el of document.querySelectorAll("h1, h2, p, figure, svg, table, tr, td, th")) {
    const r = el.getBoundingClientRect();
    if (r.width > 0 && (r.right > W + 0.5 || r.left < -0.5))
      bad.push(el.tagName + " reaches " + Math.round(r.left) + ".." + Math.round(r.right) + ": " +
               el.textContent.trim().slice(0, 50));
  }
  for (const c of document.querySelectorAll("td, th"))
    if (c.scrollWidth > c.clientWidth + 1) bad.push("cut off: " + c.textContent.trim().slice(0, 50));
  for (const svg of document.querySelectorAll("svg.chart")) {
    const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
    for (const t of svg.querySelectorAll("text")) {
      const px = parseFloat(getComputedStyle(t).fontSize) * scale;
      if (px < 10.5) { bad.push("chart text " + px.toFixed(1) + " px: " + t.textContent); break; }
    }
  }
  parent.postMessage("WIDTH " + W + "\n" + (bad.length ? bad.join("\n") : "FITS") + "\nEND", "*");
})();
</script>'

for kind in internal public; do
    MEASURE=$measure python3 -c 'import os, sys; sys.stdout.write(open(sys.argv[1]).read().replace("</body>", os.environ["MEASURE"] + "</body>"))' \
        "$tmp/$kind.html" >"$tmp/$kind-measured.html"
    for width in 390 1280; do
        cat >"$tmp/$kind-$width-frame.html" <<HTML
<!DOCTYPE html><html><body style="margin:0">
<iframe src="$kind-measured.html" style="width:${width}px;height:2000px;border:0"></iframe>
<script>window.addEventListener("message", function (e) {
  const out = document.createElement("pre"); out.id = "measure"; out.textContent = e.data; document.body.appendChild(out);
});</script></body></html>
HTML
        chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
            --disable-background-networking --disable-component-update --disable-sync \
            --user-data-dir="$tmp/profile-$kind-$width" --window-size=1400,2200 --virtual-time-budget=5000 \
            --dump-dom "file://$tmp/$kind-$width-frame.html" 2>/dev/null |
            sed -n '/<pre id="measure">/,/END/p' | sed 's/<pre id="measure">//' >"$tmp/$kind-$width.txt"
        check "$kind at $width px: the browser laid the page out $width px wide" \
            grep -qx "WIDTH $width" "$tmp/$kind-$width.txt"
        check "$kind at $width px: nothing reaches past the screen, no value is cut off, chart text >= 10.5 px" \
            grep -qx "FITS" "$tmp/$kind-$width.txt"
        grep -v -e '^WIDTH' -e '^FITS' -e '^END' "$tmp/$kind-$width.txt" | head -5
    done
done

# Every table says what it is and which cells head its columns.
for kind in internal public; do
    check "$kind: every table has a caption" \
        bash -c "test \$(grep -c '<table' '$tmp/$kind.html') -eq \$(grep -c '<caption>' '$tmp/$kind.html')"
    check "$kind: every header cell has a scope" bash -c "! grep -o '<th[ >][^>]*' '$tmp/$kind.html' | grep -v 'scope=' | grep -q ."
done
finish
