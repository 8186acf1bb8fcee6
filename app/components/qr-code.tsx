/**
 * A QR code drawn on the server by app/courses/qr.server.ts. The SVG is only path data made
 * by the qrcode library from the URL (never text from a person), so it is safe to inline.
 */
export function QrCode({ svg, label }: { svg: string; label: string }) {
  return (
    <div
      className="qr-code"
      role="img"
      aria-label={label}
      // eslint-disable-next-line react/no-danger -- drawn on the server from a URL, path data only
      dangerouslySetInnerHTML={{ __html: svg }}
    />
  );
}
