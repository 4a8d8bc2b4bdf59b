import { createContext, useContext } from "react";

// The CSP nonce travels from the server (entry.server) to every inline script in the tree.
const NonceContext = createContext<string>("");
export const NonceProvider = NonceContext.Provider;
export const useNonce = () => useContext(NonceContext);
