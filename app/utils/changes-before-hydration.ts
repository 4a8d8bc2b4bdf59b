import { useEffect, type RefObject } from "react";

/**
 * The selects whose value the person changed before the page hydrated: each one no longer shows
 * the option the server marked selected. A select that submits its form on change does so only
 * once React is running, so a change made earlier (the page's scripts start after its first
 * paint, decision 029) would otherwise sit on screen doing nothing.
 */
export function selectsChangedSinceServerRender(form: HTMLFormElement): HTMLSelectElement[] {
  return Array.from(form.querySelectorAll("select")).filter((select) => {
    const options = Array.from(select.options);
    const fromServer = options.find((o) => o.defaultSelected) ?? options[0];
    return fromServer !== undefined && select.value !== fromServer.value;
  });
}

/** On hydration, submit the form once if one of its submit-on-change selects was changed before. */
export function useSubmitChangesMadeBeforeHydration(
  formRef: RefObject<HTMLFormElement>,
  submit: (form: HTMLFormElement) => void,
) {
  useEffect(() => {
    const form = formRef.current;
    if (form && selectsChangedSinceServerRender(form).length > 0) submit(form);
    // Once, when the page first hydrates: later changes submit through onChange.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
}
