/**
 * pdfmake images for Word: a data URL (as the issuer's logo is kept) decoded,
 * and sized as pdfmake sizes it — `fit` scales into the box keeping the
 * proportions, `width` or `height` alone keep them too, nothing means one point
 * per pixel — never wider than the room there is. Pure.
 */
import type { ContentImage } from "pdfmake/interfaces";
import type { Picture } from "./blocks";

function decode(dataUrl: string): { data: Uint8Array; type: Picture["type"] } {
  const match = /^data:image\/(png|jpe?g);base64,(.*)$/is.exec(dataUrl.trim());
  if (!match?.[1] || match[2] === undefined) throw new Error("DOCX: an image must be a PNG or JPEG data URL");
  return { data: Buffer.from(match[2], "base64"), type: match[1].toLowerCase() === "png" ? "png" : "jpg" };
}

/** The pixel size from a PNG's IHDR or a JPEG's first frame header. */
export function pixelSize(data: Uint8Array, type: Picture["type"]): { width: number; height: number } {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  if (type === "png") return { width: view.getUint32(16), height: view.getUint32(20) };
  let at = 2;
  while (at + 9 < data.length) {
    const marker = view.getUint16(at);
    const length = view.getUint16(at + 2);
    // SOF0…SOF15 but DHT (C4), JPG (C8) and DAC (CC) carry the frame's height and width.
    if (marker >= 0xffc0 && marker <= 0xffcf && ![0xffc4, 0xffc8, 0xffcc].includes(marker)) {
      return { width: view.getUint16(at + 7), height: view.getUint16(at + 5) };
    }
    at += 2 + length;
  }
  throw new Error("DOCX: a JPEG without a frame header");
}

export function imagePicture(node: ContentImage, images: Record<string, unknown>, room: number): Picture {
  const source = images[node.image] ?? node.image;
  const url = typeof source === "string" ? source : (source as { url?: string })?.url;
  if (!url) throw new Error(`DOCX: no image «${node.image}»`);
  const { data, type } = decode(url);
  const natural = pixelSize(data, type);
  const ratio = natural.height / natural.width;
  let [width, height] = [natural.width, natural.height];
  if (node.fit) {
    const scale = Math.min(node.fit[0] / natural.width, node.fit[1] / natural.height);
    [width, height] = [natural.width * scale, natural.height * scale];
  } else if (typeof node.width === "number" && typeof node.height === "number") {
    [width, height] = [node.width, node.height];
  } else if (typeof node.width === "number") {
    [width, height] = [node.width, node.width * ratio];
  } else if (typeof node.height === "number") {
    [width, height] = [node.height / ratio, node.height];
  }
  if (width > room) [width, height] = [room, (room * height) / width];
  return { kind: "picture", data, type, width, height };
}
