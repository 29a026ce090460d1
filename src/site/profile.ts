// The links of a profile header or a person: email, ORCID, Google Scholar, GitHub, homepage, in that order.

/** Profile links as the config and person files write them. */
export interface ProfileLinks {
  email?: string;
  orcid?: string;
  scholar?: string;
  github?: string;
  homepage?: string;
}

/** One link of a profile. */
export interface ProfileLinkItem {
  kind: keyof ProfileLinks;
  label: string;
  url: string;
}

const LABELS: Record<keyof ProfileLinks, string> = {
  email: 'Email',
  orcid: 'ORCID',
  scholar: 'Google Scholar',
  github: 'GitHub',
  homepage: 'Homepage',
};

/** The profile's links that are set, each with its label and address (mailto: for email, orcid.org for ORCID). */
export function listProfileLinks(links: ProfileLinks): ProfileLinkItem[] {
  return (Object.keys(LABELS) as (keyof ProfileLinks)[]).flatMap((kind) => {
    const value = links[kind];
    if (!value) return [];
    const url = kind === 'email' ? `mailto:${value}` : kind === 'orcid' ? `https://orcid.org/${value}` : value;
    return [{ kind, label: LABELS[kind], url }];
  });
}
