import { Card, Center, Stack, Text, Title } from "@mantine/core";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { isRole } from "~/domain/auth/permissions";
import { requireUser } from "~/utils/auth.server";

export const meta: MetaFunction = () => [{ title: "No access yet · Upstream" }];

// Where someone signed in through single sign-on lands until an admin grants them a role.
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  if (isRole(user.role)) throw redirect("/");
  return { email: user.email };
}

export default function NoAccessPage() {
  const { email } = useLoaderData<typeof loader>();
  return (
    <Center mih="50vh">
      <Card withBorder padding="xl" radius="lg" w={480}>
        <Stack>
          <Title order={1} size="h2">
            No access yet
          </Title>
          <Text>
            You are signed in as {email}, but no one has given you a role in Upstream. Ask an Upstream admin to grant you
            one; then sign in again.
          </Text>
        </Stack>
      </Card>
    </Center>
  );
}
