import { createContext, useContext } from 'react';
import { Actor } from './roles';

export interface Auth {
  /** null while signed out. */
  actor: Actor | null;
  /** The bearer token for the APIs; null while signed out. */
  accessToken: string | null;
  /** Whether the session has been read from storage yet. */
  ready: boolean;
  /** Goes to the identity provider's login page; comes back to `returnTo`. */
  login(returnTo?: string): Promise<void>;
  logout(): Promise<void>;
  /** Finishes the authorization-code flow on the redirect page; returns where to go. */
  completeLogin(): Promise<string>;
}

export const AuthContext = createContext<Auth | null>(null);

export function useAuth(): Auth {
  const auth = useContext(AuthContext);
  if (!auth) throw new Error('useAuth outside AuthProvider');
  return auth;
}
