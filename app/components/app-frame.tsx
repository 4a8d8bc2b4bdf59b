import { DARK_LABEL } from "./labels";
import { AppShell, Anchor, Badge, Button, Container, Group, Text } from "@mantine/core";
import { Form, Link, useLocation } from "@remix-run/react";
import type { CSSProperties, ReactNode } from "react";
import { ListLink } from "./list-link";
import { can, roleLabel } from "~/domain/auth/permissions";
import type { Toast } from "~/utils/toast";
import { ToastBanner } from "./toast-banner";

type FrameUser = { name: string; email: string; role: string } | null;

function navItems(role: string) {
  const items: { to: `/${string}`; label: string }[] = [];
  if (role === "sales_leader") items.push({ to: "/questions", label: "Questions for you" });
  if (can(role, "case:read")) items.push({ to: "/cases", label: "Cases" });
  if (can(role, "pattern:read")) items.push({ to: "/patterns", label: "Patterns" });
  if (can(role, "pattern:read")) items.push({ to: "/briefs", label: "Briefs" });
  if (can(role, "pattern:read")) items.push({ to: "/actions", label: "Actions" });
  if (can(role, "pattern:read")) items.push({ to: "/plan-changes", label: "Plan changes" });
  if (can(role, "pattern:read")) items.push({ to: "/variability", label: "Variability" });
  if (can(role, "case:write")) items.push({ to: "/import", label: "Import" });
  if (can(role, "users:manage")) items.push({ to: "/admin/users", label: "Users" });
  if (can(role, "users:manage")) items.push({ to: "/admin/access", label: "Access log" });
  return items;
}

// Each item as the markup Mantine's <Text> rendered inside a <NavLink>, without either: the
// fourteen of them (wide nav and menu) were ~1.5 ms of the server's thread on every page
// (decision 046). Active as NavLink has it: the path itself or anything under it.
const ITEM: CSSProperties = { whiteSpace: "nowrap", paddingInline: "var(--mantine-spacing-sm)", paddingBlock: "calc(0.375rem * var(--mantine-scale))", display: "inline-block" };
const IDLE: CSSProperties = { ...ITEM, color: "var(--mantine-color-dark-6)", fontWeight: 500 };
const ACTIVE: CSSProperties = { borderBottom: "2px solid var(--mantine-color-teal-8)", ...ITEM, color: "var(--mantine-color-teal-9)", fontWeight: 700 };

function NavItem({ to, label, pathname }: { to: `/${string}`; label: string; pathname: string }) {
  const active = pathname === to || pathname.startsWith(`${to}/`);
  return (
    <ListLink to={to} className={active ? "plain-link active" : "plain-link"} aria-current={active ? "page" : undefined}>
      <span style={active ? ACTIVE : IDLE} className="mantine-focus-auto m_b6d8b162 mantine-Text-root">{label}</span>
    </ListLink>
  );
}

/** The bell: a link to /inbox with the number unread (works without JavaScript). */
function Bell({ unread }: { unread: number }) {
  const label = unread ? `Inbox, ${unread} unread` : "Inbox";
  return (
    <Button component={Link} to="/inbox" variant="default" size="xs" aria-label={label} data-testid="bell" px={8}>
      {/* Drawn, not an emoji: machines without an emoji font showed an empty box. */}
      <svg aria-hidden="true" width="14" height="14" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
        <path d="M18 8a6 6 0 0 0-12 0c0 7-3 9-3 9h18s-3-2-3-9" />
        <path d="M13.7 21a2 2 0 0 1-3.4 0" />
      </svg>
      {unread ? <Text span size="xs" fw={700} ml={4} c="dark.8">{unread > 99 ? "99+" : unread}</Text> : null}
    </Button>
  );
}

export function AppFrame({ user, unread = 0, toast = null, children }: { user: FrameUser; unread?: number; toast?: Toast | null; children: ReactNode }) {
  const { pathname } = useLocation();
  return (
    <AppShell header={{ height: 60 }} padding="md">
      <a href="#main" className="skip-link">
        Skip to content
      </a>
      <AppShell.Header className="no-print">
        <Container size="xl" h="100%">
          <Group h="100%" justify="space-between" wrap="nowrap">
            <Group gap="lg" wrap="nowrap">
              <Anchor component={Link} to="/" fw={750} fz="lg" c="teal.9" underline="never" style={{ whiteSpace: "nowrap" }}>
                ▲ Upstream
              </Anchor>
              {user ? (
                <nav aria-label="Main" className="nav-wide">
                  <Group gap="xs" wrap="nowrap">
                    {navItems(user.role).map((item) => (
                      <NavItem key={item.to} {...item} pathname={pathname} />
                    ))}
                  </Group>
                </nav>
              ) : null}
            </Group>
            {user ? (
              <Group gap="sm" wrap="nowrap">
                <Bell unread={unread} />
                {/* Only on wide screens: at 1400 px an admin's ten links need the room (issue 14). */}
                <Text size="sm" visibleFrom="xl" style={{ whiteSpace: "nowrap" }}>
                  {user.name}
                </Text>
                <Badge variant="light" color="gray" styles={DARK_LABEL} visibleFrom="xl">
                  {roleLabel(user.role)}
                </Badge>
                {/* On a phone the links fold into a menu; <details> opens without JavaScript. */}
                <details className="nav-menu">
                  <summary>Menu</summary>
                  <nav aria-label="Main (menu)" className="nav-menu-panel">
                    {navItems(user.role).map((item) => (
                      <NavItem key={item.to} {...item} pathname={pathname} />
                    ))}
                  </nav>
                </details>
                <Form method="post" action="/logout">
                  <Button type="submit" variant="default" size="xs" title={`Signed in as ${user.name} (${roleLabel(user.role)})`}>
                    Sign out
                  </Button>
                </Form>
              </Group>
            ) : null}
          </Group>
        </Container>
      </AppShell.Header>
      <AppShell.Main>
        {/* Not a second <main>: AppShell.Main is the page's one main landmark (axe: landmark-no-duplicate-main). */}
        <Container size="xl" id="main" py="md">
          <ToastBanner toast={toast} />
          {children}
        </Container>
      </AppShell.Main>
    </AppShell>
  );
}
