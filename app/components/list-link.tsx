import { useNavigate } from "@remix-run/react";
import { useEffect, type AnchorHTMLAttributes } from "react";

// Remix's <Link> resolves its path through three router hooks and installs a click handler of
// its own. The pattern page holds ~750 links (its count tables, themes and groups), and every
// page fourteen in its navigation: at 100,000 cases that was ~12% of the server's thread per
// pattern page (issue 18, decision 046). A ListLink is the same <a> without the hooks:
// its `to` is an absolute path ("/cases/7"), and one listener on the document, installed by
// useListLinkNavigation in the root, makes its plain left clicks client-side navigations, as
// <Link> does. Without JavaScript it is the link it always was.

const ATTRIBUTE = "data-list-link";

type Props = Omit<AnchorHTMLAttributes<HTMLAnchorElement>, "href"> & {
  /** An absolute path in the app. */
  to: `/${string}`;
};

export function ListLink({ to, ...rest }: Props) {
  return <a href={to} {...{ [ATTRIBUTE]: "" }} {...rest} />;
}

/** The path of the ListLink a click should follow in the app, or null to leave it to the browser. */
export function listLinkTarget(event: Pick<MouseEvent, "button" | "metaKey" | "altKey" | "ctrlKey" | "shiftKey" | "defaultPrevented"> & { target: unknown }) {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.altKey || event.ctrlKey || event.shiftKey) return null;
  const target = event.target;
  const anchor = target && typeof (target as Element).closest === "function" ? (target as Element).closest(`a[${ATTRIBUTE}]`) : null;
  if (!anchor) return null;
  const opens = anchor.getAttribute("target");
  if ((opens && opens !== "_self") || anchor.hasAttribute("download")) return null;
  const href = anchor.getAttribute("href");
  // Only the app's own absolute paths: anything else is the browser's to follow.
  if (!href || !href.startsWith("/") || href.startsWith("//")) return null;
  return href;
}

/** Client-side navigation for every ListLink on the page: one listener instead of one per link. */
export function useListLinkNavigation() {
  const navigate = useNavigate();
  useEffect(() => {
    const onClick = (event: MouseEvent) => {
      const href = listLinkTarget(event);
      if (!href) return;
      event.preventDefault();
      navigate(href);
    };
    document.addEventListener("click", onClick);
    return () => document.removeEventListener("click", onClick);
  }, [navigate]);
}
