import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { logout } from "~/utils/auth.server";

// Sign-out is a POST (a link prefetch must not sign anyone out); GET also works for a typed URL.
export const action = ({ request }: ActionFunctionArgs) => logout(request);
export const loader = ({ request }: LoaderFunctionArgs) => logout(request);
