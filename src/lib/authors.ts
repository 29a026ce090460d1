/** A URL-safe slug for an author name: lowercase ASCII where the name has a Latin form, e.g. `zhengfu-he`, `lukasz-cwik`. Names in other scripts keep their letters (`张三` → `张三`). */
export function slugifyAuthor(name: string): string {
  const latin = name
    .normalize('NFKD')
    .replace(/(\p{Script=Latin})\p{M}+/gu, '$1')
    .normalize('NFC')
    .replace(/ł/g, 'l')
    .replace(/Ł/g, 'L')
    .replace(/ø/g, 'o')
    .replace(/Ø/g, 'O')
    .replace(/ß/g, 'ss')
    .replace(/æ/g, 'ae')
    .replace(/Æ/g, 'AE')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D');
  const slug = latin
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  return slug || 'author';
}
