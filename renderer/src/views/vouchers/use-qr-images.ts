import { useEffect, useState } from 'react';
import { toString as qrSvg } from 'qrcode';

/**
 * QR codes of these texts as SVG data URLs (an <img> the page's CSP allows: `img-src data:`),
 * drawn by the `qrcode` package in the page. Level M, as the printed sheet uses, so the preview
 * shows the same code.
 */
export function useQrImages(texts: readonly string[]): ReadonlyMap<string, string> {
  const [images, setImages] = useState<ReadonlyMap<string, string>>(new Map());
  const key = texts.join('\n');
  useEffect(() => {
    let current = true;
    const wanted = key === '' ? [] : key.split('\n');
    const image = async (text: string) => [text, `data:image/svg+xml;charset=utf-8,${encodeURIComponent(await qrSvg(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 1 }))}`] as const;
    void Promise.all(wanted.map(image))
      .then((pairs) => current && setImages(new Map(pairs)))
      // A text qrcode cannot encode leaves its card without a code; the sheet's own check names the problem.
      .catch(() => current && setImages(new Map()));
    return () => {
      current = false;
    };
  }, [key]);
  return images;
}
