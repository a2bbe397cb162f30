import { useState } from "react";
import type { WorkbookActions } from "../../excel/actions";
import type { SignOffResult, SignOffReview, VerifyResult } from "../../excel/moderation/moderationActions";
import type { OperationState } from "../useOperation";
import type { Notice } from "../Notice";

export interface SignOffState {
  readonly review: SignOffReview | undefined;
  readonly signer: string;
  /** The confirmation dialog is open. */
  readonly confirming: boolean;
  readonly signed: SignOffResult | undefined;
  readonly verified: VerifyResult | undefined;
  /** Sign-off is offered: reviewed, nothing open, not signed, and a signer named. */
  readonly canSign: boolean;
  /** Why Sign off is not offered yet, in words; undefined when it is. */
  readonly whyNot: string | undefined;
  readonly notice: Notice | undefined;
  readonly onReview: () => void;
  readonly onSignerChange: (name: string) => void;
  readonly onAskToSign: () => void;
  readonly onConfirmChange: (open: boolean) => void;
  readonly onSign: () => void;
  readonly onVerify: () => void;
  readonly onGoTo: (sheet: string, address: string) => void;
}

/**
 * Sign-off and Verify. Signing cannot be undone (formulas become values, sheets are protected),
 * so it is offered only after a review finds nothing open, and only after the signer confirms.
 */
export function useSignOff(actions: WorkbookActions, operation: OperationState, onSigned: (signedAt: string) => void): SignOffState {
  const [review, setReview] = useState<SignOffReview | undefined>(undefined);
  const [signer, setSigner] = useState("");
  const [confirming, setConfirming] = useState(false);
  const [signed, setSigned] = useState<SignOffResult | undefined>(undefined);
  const [verified, setVerified] = useState<VerifyResult | undefined>(undefined);
  const [notice, setNotice] = useState<Notice | undefined>(undefined);

  const already = signed !== undefined || review?.alreadySigned !== undefined;
  const whyNot =
    review === undefined
      ? "Review the record first."
      : already
        ? "The record is already signed."
        : !review.ready
          ? "Close everything listed as open first."
          : signer.trim() === ""
            ? "Enter the name of the person signing."
            : undefined;

  const startReview = async (): Promise<void> => {
    setNotice(undefined);
    const done = await operation.run("Reviewing the record", (options) => actions.reviewSignOff(options));
    if (done === undefined) return;
    if (done.ok) setReview(done.value);
    else setNotice({ intent: done.cancelled ? "info" : "error", message: done.message });
  };

  const sign = async (): Promise<void> => {
    setConfirming(false);
    if (whyNot !== undefined) return;
    setNotice(undefined);
    // Not cancellable: a sign-off stopped half way would leave some sheets frozen and others not.
    const name = signer.trim();
    const done = await operation.run("Signing off the record", (options) => actions.signOff(name, options), { cancellable: false });
    if (done === undefined) return;
    if (!done.ok) {
      setNotice({ intent: "error", message: done.message });
      return;
    }
    setSigned(done.value);
    onSigned(done.value.signedAt);
    const changes = done.value.changedDuringSignOff;
    if (changes.length > 0) {
      setNotice({
        intent: "warning",
        message: `Signed, but Verify already finds ${changes.length === 1 ? "a change" : `${changes.length} changes`} made while the record was being signed (someone was editing): ${changes[0]?.message ?? ""} Run Verify to see ${changes.length === 1 ? "it" : "them all"}, and decide with the panel whether to sign again.`,
      });
    }
  };

  const verify = async (): Promise<void> => {
    setNotice(undefined);
    const done = await operation.run("Verifying the record", (options) => actions.verify(options));
    if (done === undefined) return;
    if (done.ok) setVerified(done.value);
    else setNotice({ intent: done.cancelled ? "info" : "error", message: done.message });
  };

  const goTo = async (sheet: string, address: string): Promise<void> => {
    try {
      await actions.goToCell(sheet, address);
    } catch (error) {
      setNotice({ intent: "error", message: actions.describeError(error) });
    }
  };

  return {
    review,
    signer,
    confirming,
    signed,
    verified,
    canSign: whyNot === undefined,
    whyNot,
    notice,
    onReview: () => void startReview(),
    onSignerChange: setSigner,
    onAskToSign: () => setConfirming(whyNot === undefined),
    onConfirmChange: setConfirming,
    onSign: () => void sign(),
    onVerify: () => void verify(),
    onGoTo: (sheet, address) => void goTo(sheet, address),
  };
}
