import type { ReactNode } from "react";
import { Alert } from "@/components/ui/alert";
import { itemAnchor } from "./item-focus";

export interface ItemProblemEntry {
  itemKey: string;
  name: string;
  message: string;
}

/** Why a decision did not go through, next to its button: the items to see to, each a link to it. */
export function ActionProblems(props: { title: string; items: readonly ItemProblemEntry[]; children?: ReactNode }) {
  return (
    <Alert className="w-full space-y-2">
      <p className="font-medium">{props.title}</p>
      {props.items.length > 0 && (
        <ul className="list-disc space-y-1 pl-5">
          {props.items.map((item) => (
            <li key={item.itemKey}>
              <a href={`#${itemAnchor(item.itemKey)}`} className="underline">
                {item.name}
              </a>
              : {item.message}
            </li>
          ))}
        </ul>
      )}
      {props.children}
    </Alert>
  );
}
