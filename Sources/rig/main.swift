import RigCLI

await RigCommand.start()
