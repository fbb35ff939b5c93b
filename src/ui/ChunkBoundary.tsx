import { Component, type ReactNode } from 'react';

interface State {
  error: Error | null;
}

/**
 * Catches a lazily loaded part that failed (a chunk that did not download, an error
 * while it renders) and says so, with a way to try again, instead of a blank region.
 */
export class ChunkBoundary extends Component<{ what: string; children: ReactNode }, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <div role="alert" className="chunk-error">
        <p>
          {this.props.what} could not be loaded ({this.state.error.message}). Your work is kept; reload the
          page to try again.
        </p>
        <button type="button" onClick={() => window.location.reload()}>
          Reload the page
        </button>
      </div>
    );
  }
}
