import { useId, type CSSProperties, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes } from "react";

// Mantine's <NativeSelect> and <TextInput> (sizes sm and xs, a label, no error) as the markup
// they render, without the components: their props, styles API and id hooks cost ~240 µs a
// select and ~140 µs an input on the server, and the case list's filter form holds ten selects
// and three inputs, the pattern page's theme cards three inputs each (issue 18; as PlainBadge
// and PlainButton, decisions 041 and 046). Same classes, variables and attributes, so they look
// and behave the same; plain-inputs.test.ts compares each with Mantine's. Forms that show
// errors next to a field keep Mantine's inputs.

type Size = "xs" | "sm";
const LABEL_STYLE: Record<Size, CSSProperties> = {
  xs: { "--input-label-size": "var(--mantine-font-size-xs)" } as CSSProperties,
  sm: { "--input-label-size": "var(--mantine-font-size-sm)" } as CSSProperties,
};
const INPUT_STYLE: Record<Size, CSSProperties> = {
  xs: { "--input-height": "var(--input-height-xs)", "--input-fz": "var(--mantine-font-size-xs)" } as CSSProperties,
  sm: { "--input-height": "var(--input-height-sm)", "--input-fz": "var(--mantine-font-size-sm)" } as CSSProperties,
};
const SELECT_STYLE = { ...INPUT_STYLE.sm, "--input-right-section-pointer-events": "none" } as CSSProperties;

const CHEVRON =
  "M4.93179 5.43179C4.75605 5.60753 4.75605 5.89245 4.93179 6.06819C5.10753 6.24392 5.39245 6.24392 5.56819 6.06819L7.49999 4.13638L9.43179 6.06819C9.60753 6.24392 9.89245 6.24392 10.0682 6.06819C10.2439 5.89245 10.2439 5.60753 10.0682 5.43179L7.81819 3.18179C7.73379 3.0974 7.61933 3.04999 7.49999 3.04999C7.38064 3.04999 7.26618 3.0974 7.18179 3.18179L4.93179 5.43179ZM10.0682 9.56819C10.2439 9.39245 10.2439 9.10753 10.0682 8.93179C9.89245 8.75606 9.60753 8.75606 9.43179 8.93179L7.49999 10.8636L5.56819 8.93179C5.39245 8.75606 5.10753 8.75606 4.93179 8.93179C4.75605 9.10753 4.75605 9.39245 4.93179 9.56819L7.18179 11.8182C7.35753 11.9939 7.64245 11.9939 7.81819 11.8182L10.0682 9.56819Z";

/** The id Mantine gives an input: React's, without its colons. */
function useInputId() {
  return `mantine-${useId().replace(/:/g, "")}`;
}

type WrapperProps = { kind: "NativeSelect" | "TextInput"; id: string; label: ReactNode; size: Size; required?: boolean; style?: CSSProperties; children: ReactNode };

function Wrapper({ kind, id, label, size, required, style, children }: WrapperProps) {
  return (
    <div style={style} className={`m_46b77525 mantine-InputWrapper-root mantine-${kind}-root`} data-size={size}>
      <label style={LABEL_STYLE[size]} className={`m_8fdc1311 mantine-InputWrapper-label mantine-${kind}-label`} data-size={size} data-required={required ? "true" : undefined} htmlFor={id} id={`${id}-label`}>
        {label}
        {required ? (
          <span className={`m_78a94662 mantine-InputWrapper-required mantine-${kind}-required`} aria-hidden="true">
            {" *"}
          </span>
        ) : null}
      </label>
      {children}
    </div>
  );
}

type Option = { value: string; label: string };
type SelectProps = Omit<SelectHTMLAttributes<HTMLSelectElement>, "id" | "className" | "style" | "children"> & { name: string; label: ReactNode; data: readonly Option[] };

export function PlainNativeSelect({ label, data, ...rest }: SelectProps) {
  const id = useInputId();
  return (
    <Wrapper kind="NativeSelect" id={id} label={label} size="sm">
      <div style={SELECT_STYLE} className="m_6c018570 mantine-Input-wrapper mantine-NativeSelect-wrapper" data-variant="default" data-size="sm" data-pointer="true" data-with-right-section="true">
        <select className="m_8fb7ebe7 mantine-Input-input mantine-NativeSelect-input" data-variant="default" {...rest} aria-invalid="false" id={id}>
          {data.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
        <div data-position="right" className="m_82577fc2 mantine-Input-section mantine-NativeSelect-section">
          <svg className="m_2943220b mantine-ComboboxChevron-chevron" data-combobox-chevron="true" viewBox="0 0 15 15" fill="none" xmlns="http://www.w3.org/2000/svg">
            <path d={CHEVRON} fill="currentColor" fillRule="evenodd" clipRule="evenodd" />
          </svg>
        </div>
      </div>
    </Wrapper>
  );
}

type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, "id" | "className" | "size"> & { name: string; label: ReactNode; size?: Size };

/** Mantine's TextInput; `style`, as Mantine's, goes to the wrapper around label and input. */
export function PlainTextInput({ label, size = "sm", style, ...rest }: InputProps) {
  const id = useInputId();
  return (
    <Wrapper kind="TextInput" id={id} label={label} size={size} required={rest.required} style={style}>
      <div style={INPUT_STYLE[size]} className="m_6c018570 mantine-Input-wrapper mantine-TextInput-wrapper" data-variant="default" data-size={size}>
        <input className="m_8fb7ebe7 mantine-Input-input mantine-TextInput-input" data-variant="default" {...rest} aria-invalid="false" id={id} />
      </div>
    </Wrapper>
  );
}
