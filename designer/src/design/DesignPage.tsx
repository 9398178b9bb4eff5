/** The process Design screen: palette, canvas, properties, diagnostics. */
export function DesignPage() {
  return <div data-testid="design-page" />;
}
