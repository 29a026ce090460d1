/** The public origin of the site. */
export declare const SITE_URL: string;
/** The folder the site is served from. */
export declare const BASE_PATH: string;
