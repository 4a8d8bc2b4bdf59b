// Conform's prop helpers include `key` (for React) and `aria-*`; Mantine inputs take the rest.
// Pulling `key` out avoids React's warning about spreading a key.
export function inputProps<T extends { key?: string | null | undefined }>(props: T) {
  const { key: _key, ...rest } = props;
  return rest;
}
