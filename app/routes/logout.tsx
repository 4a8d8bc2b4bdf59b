import { Button, Card, Center, Group, Stack, Text, Title } from "@mantine/core";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { getCurrentUser, logout } from "~/utils/auth.server";

export const meta: MetaFunction = () => [{ title: "Sign out · Upstream" }];

// Signing out is a POST only. A GET (a typed or bookmarked /logout, but also a cross-site
// <img src="/logout"> or a link prefetch) changes nothing: it shows a button that POSTs.
export const action = ({ request }: ActionFunctionArgs) => logout(request);

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getCurrentUser(request);
  if (!user) throw redirect("/login");
  return { name: user.name };
}

export default function LogoutPage() {
  const { name } = useLoaderData<typeof loader>();
  return (
    <Center mih="50vh">
      <Card withBorder shadow="sm" padding="xl" radius="lg" w={420}>
        <Stack>
          <Title order={1} size="h2">
            Sign out of Upstream?
          </Title>
          <Text size="sm">You are signed in as {name}.</Text>
          <Form method="post" action="/logout">
            <Group>
              <Button type="submit">Sign out</Button>
              <Button component={Link} to="/" variant="default">
                Stay signed in
              </Button>
            </Group>
          </Form>
        </Stack>
      </Card>
    </Center>
  );
}
