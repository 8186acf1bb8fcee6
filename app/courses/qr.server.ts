import QRCode from "qrcode";

export const QR_MARGIN = 2;

/**
 * A QR code as inline SVG, drawn on the server (no script, no image request). The SVG holds
 * only rectangles in path data; the URL itself is not written into it, so nothing from the
 * database reaches the markup unescaped.
 */
export function qrSvg(url: string): Promise<string> {
  return QRCode.toString(url, {
    type: "svg",
    errorCorrectionLevel: "M",
    margin: QR_MARGIN,
    color: { dark: "#000000", light: "#ffffff" },
  });
}

/** Modules per side of the QR code for this text (17 + 4 × version). */
export function qrModules(url: string): number {
  return QRCode.create(url, { errorCorrectionLevel: "M" }).modules.size;
}
