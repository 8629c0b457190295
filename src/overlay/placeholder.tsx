interface Props {
  count: number;
  onShow: () => void;
}

/** Stands for a run of hidden sibling comments (and their hidden replies). */
export function Placeholder({ count, onShow }: Props) {
  const what = count === 1 ? '1 comment' : `${count} comments`;
  return (
    <div class="thr-placeholder" data-placeholder-count={count}>
      {`${what} below threshold — `}
      <button type="button" class="thr-link" onClick={onShow}>
        show
      </button>
    </div>
  );
}
