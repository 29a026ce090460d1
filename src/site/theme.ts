// The reader's colour scheme choice: where it is remembered, and the script that applies it before the first paint
// (inline in the head, so a dark page never flashes light).

/** The localStorage key of the reader's choice (`light` or `dark`; absent: follow the system). */
export const THEME_STORAGE_KEY = 'bibshelf-theme';

/** The inline head script: sets `data-theme` on <html> from the remembered choice; nothing when there is none. */
export function formatThemeScript(): string {
  return `try{var t=localStorage.getItem(${JSON.stringify(THEME_STORAGE_KEY)});if(t==="light"||t==="dark")document.documentElement.dataset.theme=t}catch(e){}`;
}
