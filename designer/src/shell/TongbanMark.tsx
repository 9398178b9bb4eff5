/** The Tongban mark: the character 通 on a seal-red square. */
export function TongbanMark({ size = 32 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 32 32" aria-hidden="true">
      <rect width="32" height="32" rx="6" fill="#a8071a" />
      <text x="16" y="23" fontSize="18" textAnchor="middle" fill="#fff" fontFamily="sans-serif">
        通
      </text>
    </svg>
  );
}
