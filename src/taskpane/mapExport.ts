/**
 * Saving the strategy map for a slide: the SVG as it is drawn (vector, for PowerPoint's
 * "Insert > Pictures", which takes SVG) and a PNG drawn from that SVG on a canvas at twice its
 * size (for tools that take only bitmaps). The file is offered as a download link; hosts whose
 * web view blocks downloads (some Office desktop builds) leave the link without effect, so the
 * section also offers the SVG's text to copy.
 */

/** The SVG as a standalone file: its namespace and its size in pixels (the pane draws it at 100% width). */
export function svgText(svg: SVGSVGElement): string {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  const [, , w, h] = (svg.getAttribute("viewBox") ?? "0 0 640 400").split(/\s+/).map(Number);
  copy.setAttribute("xmlns", "http://www.w3.org/2000/svg");
  copy.setAttribute("width", String(w));
  copy.setAttribute("height", String(h));
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(copy)}`;
}

function download(url: string, file: string): void {
  const a = document.createElement("a");
  a.href = url;
  a.download = file;
  document.body.appendChild(a);
  a.click();
  a.remove();
}

export function downloadSvg(svg: SVGSVGElement, file = "strategy-map.svg"): void {
  const url = URL.createObjectURL(new Blob([svgText(svg)], { type: "image/svg+xml" }));
  download(url, file);
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Draws the SVG on a canvas (scale × its size) and resolves the PNG's data URL. */
export function pngDataUrl(svg: SVGSVGElement, scale = 2): Promise<string> {
  const text = svgText(svg);
  const [, , w, h] = (svg.getAttribute("viewBox") ?? "0 0 640 400").split(/\s+/).map(Number);
  return new Promise((resolve, reject) => {
    const image = new Image();
    image.onload = () => {
      const canvas = document.createElement("canvas");
      canvas.width = Math.ceil(w * scale);
      canvas.height = Math.ceil(h * scale);
      const g = canvas.getContext("2d");
      if (!g) return reject(new Error("This browser gives no canvas to draw the picture on."));
      g.scale(scale, scale);
      g.drawImage(image, 0, 0, w, h);
      resolve(canvas.toDataURL("image/png"));
    };
    image.onerror = () => reject(new Error("The map could not be drawn as a picture."));
    // A data URL, not a blob URL: the canvas stays untainted, so toDataURL is allowed.
    image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(text)}`;
  });
}

export async function downloadPng(svg: SVGSVGElement, file = "strategy-map.png"): Promise<void> {
  download(await pngDataUrl(svg), file);
}
