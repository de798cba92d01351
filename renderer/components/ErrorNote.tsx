export function ErrorNote({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <div className="error-note" role="alert">
      {message}
    </div>
  );
}
