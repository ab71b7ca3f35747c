/// XOR trained with Adam from F#: Functional.NN's values are immutable, its training is a lazy sequence of
/// TrainingProgress values, and its errors are LanguageExt Fin values, so the whole run reads as one pipeline.
module FSharpSample.Xor

open System
open Functional.NN.Activations
open Functional.NN.Data
open Functional.NN.Initialization
open Functional.NN.Losses
open Functional.NN.Model
open Functional.NN.Optimizers
open Functional.NN.Passes
open Functional.NN.Randomness
open Functional.NN.Training
open LanguageExt

/// let! over LanguageExt's Fin: the first error ends the computation.
type FinBuilder() =
    member _.Bind(value: Fin<'a>, next: 'a -> Fin<'b>) : Fin<'b> = value.Bind(Func<'a, Fin<'b>>(next))
    member _.Return(value: 'a) : Fin<'a> = Fin<'a>.Succ value

let fin = FinBuilder()

let inputs = [| [| 0.0; 0.0 |]; [| 0.0; 1.0 |]; [| 1.0; 0.0 |]; [| 1.0; 1.0 |] |]
let targets = [| [| 0.0 |]; [| 1.0 |]; [| 1.0 |]; [| 0.0 |] |]

/// The trained network, its parameters and the XOR batch after 1,000 Adam steps.
let train () =
    fin {
        let! network = Network.Create(2, Loss.BinaryCrossEntropy, struct (8, Activation.Tanh), struct (1, Activation.Sigmoid))
        let! data = Dataset.Create(inputs, targets)
        let! plan = TrainingPlan.Create(network, Optimizer.Adam(Schedule.Constant 0.05), data, RandomKey.FromSeed 7UL, batchSize = 4)
        let trained =
            Initializer.XavierUniform.Initialize(network, RandomKey.FromSeed 42UL)
            |> fun initial -> MiniBatchTrainer.Run(plan, MiniBatchTrainer.Start(plan, initial))
            |> Seq.takeWhile (fun progress -> progress.Step <= 1000L)
            |> Seq.last
        let! batch = data.ToBatch network
        return network, trained, batch
    }

[<EntryPoint>]
let main _ =
    train ()
    |> fun result ->
        result.Match(
            (fun (network: Network, trained: TrainingProgress<float>, batch: Batch<float>) ->
                let loss = ForwardPass.Loss(network, trained.Parameters, batch)
                let predictions = ForwardPass.Predict(network, trained.Parameters, batch.Inputs)
                let outputs = [ for row in 0 .. 3 -> predictions.[row, 0] ]
                printfn "network %O after %d steps: loss %.9f" network trained.Step loss
                List.iteri (fun row (output: float) -> printfn "  %A -> %.6f" inputs.[row] output) outputs
                let learned = loss < 1e-3 && (outputs |> List.map Math.Round) = [ 0.0; 1.0; 1.0; 0.0 ]
                printfn "%s" (if learned then "XOR learned" else "FAILED: XOR not learned (loss must be below 1e-3, outputs must round to 0 1 1 0)")
                if learned then 0 else 1),
            (fun (error: LanguageExt.Common.Error) ->
                eprintfn "FAILED: %s" error.Message
                1))
