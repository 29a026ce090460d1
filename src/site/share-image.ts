// The image a page offers to link previews (og:image): an optimised copy of the paper's thumbnail or the profile
// photo, at most the width link previews use, with its absolute URL and size.

import type { ImageMetadata } from 'astro';
import { getImage } from 'astro:assets';
import { siteConfig } from '../config';
import { toAbsoluteUrl } from './routes';

/** An image for og:image: absolute URL and pixel size. */
export interface ShareImage {
  url: string;
  width: number;
  height: number;
}

// Link previews (Open Graph, Twitter cards) show images up to this wide.
const SHARE_WIDTH = 1200;

/** An optimised copy of an image for link previews (JPEG, which every preview reads; PNG for SVG sources' sake). */
export async function describeShareImage(image: ImageMetadata): Promise<ShareImage> {
  const width = Math.min(SHARE_WIDTH, image.width);
  const height = Math.round((image.height * width) / image.width);
  const result = await getImage({ src: image, width, height, format: image.format === 'svg' ? 'png' : 'jpg' });
  return { url: toAbsoluteUrl(siteConfig.url, result.src), width, height };
}
